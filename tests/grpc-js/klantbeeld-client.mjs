// An independent gRPC client (grpc-js, not the project's .NET stack) that reads a klantbeeld through the gateway.
// Usage: node klantbeeld-client.mjs <gateway-grpc host:port> <bearer token> <client id>
// Prints one JSON line: {"unauthenticated": <status code without token>, "klantbeeld": {...},
//   "invalid": {"code": <status code without a purpose>, "field": <the BadRequest field violation's field>}}
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(path.join(repo, 'tools', 'package.json'));
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

// google.rpc.Status, Any and BadRequest, declared here from their published field numbers, to decode the
// grpc-status-details-bin trailer the way any client would.
const rpc = protobuf.Root.fromJSON({
  nested: {
    Any: { fields: { type_url: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } },
    Status: { fields: { code: { type: 'int32', id: 1 }, message: { type: 'string', id: 2 }, details: { rule: 'repeated', type: 'Any', id: 3 } } },
    FieldViolation: { fields: { field: { type: 'string', id: 1 }, description: { type: 'string', id: 2 } } },
    BadRequest: { fields: { field_violations: { rule: 'repeated', type: 'FieldViolation', id: 1 } } },
  },
});

function violatedField(error) {
  const [bytes] = error.metadata.get('grpc-status-details-bin');
  if (!bytes) return null;
  const status = rpc.lookupType('Status').decode(bytes);
  const badRequest = status.details.find((d) => d.type_url === 'type.googleapis.com/google.rpc.BadRequest');
  return badRequest ? rpc.lookupType('BadRequest').decode(badRequest.value).field_violations[0]?.field ?? null : null;
}

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

function call(metadata, purpose = 'dossierbehandeling') {
  return new Promise((resolve) => {
    client.GetKlantbeeld({ client_id: clientId, purpose, purpose_note: 'grpc-js e2e' }, metadata, { deadline: Date.now() + 10000 },
      (error, response) => resolve({ error, response }));
  });
}

const anonymous = await call(new grpc.Metadata());
const authorized = new grpc.Metadata();
authorized.set('authorization', `Bearer ${token}`);
const result = await call(authorized);
const withoutPurpose = await call(authorized, '');
client.close();
if (result.error) {
  console.error(`GetKlantbeeld failed: ${result.error.code} ${result.error.details}`);
  process.exit(1);
}
console.log(JSON.stringify({
  unauthenticated: anonymous.error ? anonymous.error.code : 0,
  klantbeeld: result.response.klantbeeld,
  invalid: withoutPurpose.error ? { code: withoutPurpose.error.code, field: violatedField(withoutPurpose.error) } : null,
}));
