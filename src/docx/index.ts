/**
 * What the editor needs from the Word support. Bundled on its own (dist/docx.js) and loaded only when
 * a Word command runs: mammoth and docx are large, and activation must stay light.
 */
export { docxToMarkdown } from './read';
export { exportDocx } from './export';
