/**
 * "Use key from Passportal": imports the Access Key ID and Secret Access Key from Passportal's
 * "Create access key" dialog (issue 6). Placeholder until that feature lands: renders nothing.
 */
export interface PassportalImportProps {
  /** Called with the values read from the dialog; the popup treats them like typed ones. */
  onImport(values: { apiKey: string; secret: string }): void;
}

export function PassportalImport(_props: PassportalImportProps) {
  return null;
}
