import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/assets/popup.css';
import { t } from '@/utils/i18n';
import { App } from './App';

document.title = t('optionsTitle');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
