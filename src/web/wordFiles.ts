// The Word commands of VS Code for the Web. The web bundle (esbuild.js) puts this module where the
// desktop's src/extension/wordFiles.ts is imported: that one loads dist/docx.js with Node's require.
// Here the commands say, in the message language, where Word files can be handled instead.
import * as vscode from 'vscode';
import { t } from '../extension/locale';

export const WORD_COMMANDS = ['officialSummary.openDocx', 'officialSummary.exportDocx'] as const;

/** Same signature as the desktop module's; the services it takes are not needed here. */
export function registerWordCommands(..._services: unknown[]): vscode.Disposable[] {
  return WORD_COMMANDS.map((command) =>
    vscode.commands.registerCommand(command, () => {
      const message = t('Word files (.docx) cannot be opened or exported in VS Code for the Web. Use the desktop VS Code, or the command line: summary-lint checks .docx files and --export-docx writes one.');
      void vscode.window.showInformationMessage(message);
      // returned for the web tests (test/web), which cannot read a notification
      return message;
    }),
  );
}
