// The entry of dist/server.js, the bundle a client starts as a Node module (the VS Code extension,
// over IPC). Starting the server is this file's only effect: main.ts is also bundled into the CLI,
// where a `require.main === module` test is true for the whole bundle, so a start there ran a second
// server on the same standard input and output beside the one `--lsp` starts (every message answered
// twice, and the two writers' messages interleaved on large documents until the client stopped
// reading).
import { startServer } from './main';

startServer();
