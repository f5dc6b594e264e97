// An independent gRPC client (grpc-js, not the project's .NET stack) that reads a klantbeeld through the gateway.
// Usage: node klantbeeld-client.mjs <gateway-grpc host:port> <bearer token> <client id>
// Prints one JSON line: {"unauthenticated": <status code without token>, "klantbeeld": {...}}
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(path.join(repo, 'tools', 'package.json'));
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, token, clientId] = process.argv.slice(2);
if (!address || !token || !clientId) {
  console.error('usage: klantbeeld-client.mjs <host:port> <token> <client id>');
  process.exit(2);
}

const definition = protoLoader.loadSync('uwv/klantbeeld/v1/klantbeeld.proto', {
  includeDirs: [path.join(repo, 'contracts'), path.join(repo, 'contracts', 'third_party')],
  keepCase: true,
  enums: String,
  defaults: true,
});
const proto = grpc.loadPackageDefinition(definition);
const client = new proto.uwv.klantbeeld.v1.KlantbeeldService(address, grpc.credentials.createInsecure());

function call(metadata) {
  return new Promise((resolve) => {
    client.GetKlantbeeld({ client_id: clientId, purpose: 'dossierbehandeling', purpose_note: 'grpc-js e2e' }, metadata, { deadline: Date.now() + 10000 },
      (error, response) => resolve({ error, response }));
  });
}

const anonymous = await call(new grpc.Metadata());
const authorized = new grpc.Metadata();
authorized.set('authorization', `Bearer ${token}`);
const result = await call(authorized);
client.close();
if (result.error) {
  console.error(`GetKlantbeeld failed: ${result.error.code} ${result.error.details}`);
  process.exit(1);
}
console.log(JSON.stringify({
  unauthenticated: anonymous.error ? anonymous.error.code : 0,
  klantbeeld: result.response.klantbeeld,
}));
