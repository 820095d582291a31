import { DescribeClusterCommand, type DescribeClusterCommandOutput } from '@aws-sdk/client-eks';
import { createAwsClients, destroyAwsClients } from '../../src/aws/clients.js';
import { PacerRegistry } from '../../src/aws/pacer.js';
import type { EmulatorHandle } from '../../src/emulator/index.js';
import { ACCOUNT, BASE_CREDENTIALS, BASE_KEY, startWorld } from './emulator-fixture.js';

const state = { region: 'us-east-1', identities: { [BASE_KEY]: `arn:aws:iam::${ACCOUNT}:user/deployer` }, clusters: [{ name: 'prod', accountId: ACCOUNT }] };

describe('throttles of paced calls go back to the pacer, not the SDK', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    ({ emulator } = await startWorld(state, { throttleRate: 0.4 }));
  });
  afterAll(() => emulator.close());

  const clientsFor = (retryMode?: 'adaptive') =>
    createAwsClients({ region: 'us-east-1', credentials: BASE_CREDENTIALS, endpoints: { eks: emulator.endpoint }, ...(retryMode ? { retryMode } : {}) });

  it('GIVEN 40% of requests throttled WHEN 30 calls go through a pacer THEN all succeed, the SDK retried none of them, and the pacer retried the throttles and lowered its rate', async () => {
    const clients = clientsFor();
    const pacers = new PacerRegistry({ initialRate: 200 });
    emulator.resetCalls();
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => pacers.send<DescribeClusterCommandOutput>(clients.eks, new DescribeClusterCommand({ name: 'prod' }))),
      );
      expect(answers.every((a) => a.cluster?.name === 'prod')).toBe(true);
      // Each answer came from its first SDK attempt: the throttled attempts were the pacer's.
      expect(answers.map((a) => a.$metadata.attempts)).toEqual(Array(30).fill(1));
      expect(emulator.calls().DescribeCluster).toBeGreaterThan(30);
      expect(emulator.successfulCalls().DescribeCluster).toBe(30);
      expect(pacers.pacerFor(clients.eks, 'DescribeCluster').rate).toBeLessThan(200);
    } finally {
      destroyAwsClients(clients);
    }
  });

  it('GIVEN the same throttling WHEN calls are not paced THEN the SDK retries them as before', async () => {
    const clients = clientsFor();
    emulator.resetCalls();
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, () => clients.eks.send(new DescribeClusterCommand({ name: 'prod' }))));
      expect(answers.every((a) => a.cluster?.name === 'prod')).toBe(true);
      expect(answers.some((a) => (a.$metadata.attempts ?? 1) > 1)).toBe(true);
      expect(emulator.calls().DescribeCluster).toBe(answers.reduce((n, a) => n + (a.$metadata.attempts ?? 1), 0));
    } finally {
      destroyAwsClients(clients);
    }
  });

  it('GIVEN the adaptive retry mode WHEN calls are paced THEN the SDK keeps retrying throttles itself', async () => {
    const clients = clientsFor('adaptive');
    const pacers = new PacerRegistry({ initialRate: 200 });
    emulator.resetCalls();
    try {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => pacers.send<DescribeClusterCommandOutput>(clients.eks, new DescribeClusterCommand({ name: 'prod' }))),
      );
      expect(answers.some((a) => (a.$metadata.attempts ?? 1) > 1)).toBe(true);
    } finally {
      destroyAwsClients(clients);
    }
  });
});
