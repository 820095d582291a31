import { createAwsClients, destroyAwsClients, iamRegionFor } from '../../src/aws/clients.js';

describe('createAwsClients', () => {
  it.each([
    ['eu-west-1', 'us-east-1'],
    ['cn-northwest-1', 'cn-north-1'],
    ['us-gov-east-1', 'us-gov-west-1'],
  ])('GIVEN cluster region %s THEN IAM is called in %s', (region, iamRegion) => {
    expect(iamRegionFor(region)).toBe(iamRegion);
  });

  it('GIVEN a region, endpoints and attempts THEN each client is configured for them with standard retry that leaves paced throttles to the pacer', async () => {
    const clients = createAwsClients({
      region: 'cn-north-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      endpoints: { eks: 'http://127.0.0.1:1/eks', iam: 'http://127.0.0.1:1/iam' },
      maxAttempts: 3,
    });
    try {
      expect(await clients.eks.config.region()).toBe('cn-north-1');
      expect(await clients.iam.config.region()).toBe('cn-north-1');
      expect(await clients.sts.config.region()).toBe('cn-north-1');
      expect((await clients.eks.config.retryStrategy()).constructor.name).toBe('PacedRetryStrategy');
      expect(await clients.eks.config.maxAttempts()).toBe(3);
      // Each command class resolves its middleware once per client (the guard, log and throttle marks are added before any send).
      expect([clients.eks, clients.iam, clients.sts].map((c) => c.config.cacheMiddleware)).toEqual([true, true, true]);
      const eksEndpoint = await clients.eks.config.endpoint?.();
      expect(eksEndpoint?.hostname).toBe('127.0.0.1');
    } finally {
      destroyAwsClients(clients);
    }
  });

  it('GIVEN no attempts or retry mode THEN 8 attempts with standard retry; adaptive when asked', async () => {
    const clients = createAwsClients({ region: 'us-east-1' });
    const adaptive = createAwsClients({ region: 'us-east-1', retryMode: 'adaptive' });
    try {
      expect(await clients.iam.config.maxAttempts()).toBe(8);
      expect((await clients.sts.config.retryStrategy()).constructor.name).toBe('PacedRetryStrategy');
      expect((await adaptive.sts.config.retryStrategy()).constructor.name).toBe('AdaptiveRetryStrategy');
      expect(await clients.iam.config.region()).toBe('us-east-1');
    } finally {
      destroyAwsClients(clients);
      destroyAwsClients(adaptive);
    }
  });
});
