import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_ID, openPopupFromMenu, syncContextMenu } from '@/utils/content-registration';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('"Fill Passportal credentials…" context menu', () => {
  it('appears only on Connect UI documents, the built-in origin and the ones the user added', async () => {
    const removeAll = vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(browser.contextMenus, 'create').mockReturnValue(MENU_ID);
    await syncContextMenu(['https://connect.example.com']);
    expect(removeAll).toHaveBeenCalledBefore(create);
    expect(create).toHaveBeenCalledWith({
      id: MENU_ID,
      title: 'Fill Passportal credentials…',
      contexts: ['editable', 'page', 'frame'],
      documentUrlPatterns: ['https://connect.nango.dev/*', 'https://connect.example.com/*'],
    });
  });

  it('brings the user to the popup, and to a popup window where the browser refuses to open it', async () => {
    const openPopup = vi.spyOn(browser.action, 'openPopup').mockResolvedValue(undefined);
    const createWindow = vi.spyOn(browser.windows, 'create').mockResolvedValue({} as never);
    await openPopupFromMenu();
    expect(openPopup).toHaveBeenCalledOnce();
    expect(createWindow).not.toHaveBeenCalled();

    openPopup.mockRejectedValueOnce(new Error('openPopup needs a user gesture'));
    await openPopupFromMenu();
    expect(createWindow).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/\/popup\.html$/), type: 'popup' }),
    );
  });
});
