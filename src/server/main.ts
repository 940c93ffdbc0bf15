// The language server as its own bundle (dist/server.js), for a client that starts it as a Node
// module; `summary-lint --lsp --stdio` runs the same server from the CLI bundle.
import { startServer } from './server';

if (require.main === module) startServer();
