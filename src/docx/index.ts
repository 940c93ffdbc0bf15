/**
 * What the editor needs from the Word support. Bundled on its own (dist/docx.js) and loaded only when
 * a Word command runs: mammoth and docx are large, and activation must stay light.
 */
export { docxToMarkdown } from './read';
export { exportDocx } from './export';
// the export's one analysis in the extension host runs from this bundle too, so the extension's own
// bundle (loaded at activation) carries no analysis pipeline: the language server has that
export { analyze } from '../core/index';
