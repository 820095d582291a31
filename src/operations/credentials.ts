import { defaultProvider } from '@aws-sdk/credential-provider-node';

/**
 * Whether the AWS SDK's default chain yields credentials (instance or container role, shared
 * config files…), asked once as the clients will. The instance metadata service gets one second
 * and no retries: on a runner without it (GitHub-hosted runners) the answer is quick. Never throws.
 */
export async function findCredentials(): Promise<boolean> {
  try {
    const credentials = await defaultProvider({ timeout: 1000, maxRetries: 0 })();
    return credentials.accessKeyId !== '';
  } catch {
    return false;
  }
}
