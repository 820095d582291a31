import { createServer, type Server, type Socket } from 'node:net';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ListClustersCommand } from '@aws-sdk/client-eks';
import { createAwsClients, destroyAwsClients } from '../../src/aws/clients.js';
import { describeAwsError } from '../../src/aws/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';

const credentials = { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'secret' };

describe('GIVEN an endpoint that accepts requests and never answers', () => {
  let emulator: EmulatorHandle | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('WHEN a call is made with a 300 ms response timeout THEN it is tried 3 times and fails with a timeout, while other operations answer', async () => {
    emulator = await startEmulator({ state: {}, faults: { hangOperations: ['GetCallerIdentity'] } });
    const clients = createAwsClients({ region: 'us-east-1', credentials, endpoints: { sts: emulator.endpoint, eks: emulator.endpoint }, timeouts: { responseMs: 300 } });
    try {
      const started = Date.now();
      const failure = await clients.sts.send(new GetCallerIdentityCommand({})).catch((err: unknown) => err);
      expect(failure).toMatchObject({ name: 'TimeoutError' });
      expect(emulator.calls().GetCallerIdentity).toBe(3);
      expect(Date.now() - started).toBeLessThan(5_000);
      // As the tool reports it: one line with the code and the operation, without the HTTP handler's log prefix.
      const reported = describeAwsError('GetCallerIdentity', 'credentials', failure);
      expect(reported.code).toBe('AWS_TIMEOUT');
      expect(reported.message).toMatch(/^GetCallerIdentity failed for credentials/);
      expect(reported.message).not.toContain('@smithy');
      await expect(clients.eks.send(new ListClustersCommand({}))).resolves.toBeDefined();
    } finally {
      destroyAwsClients(clients);
    }
  });
});

describe('GIVEN a server that takes connections and never reads them', () => {
  let server: Server | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('WHEN a call is made THEN it fails with a timeout after 3 attempts, not after the 8 a 5xx gets', async () => {
    let connections = 0;
    server = createServer((socket) => {
      connections += 1;
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const clients = createAwsClients({ region: 'us-east-1', credentials, endpoints: { sts: `http://127.0.0.1:${port}` }, timeouts: { responseMs: 200 } });
    try {
      await expect(clients.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(connections).toBe(3);
    } finally {
      destroyAwsClients(clients);
    }
  });
});
