import { readFile, writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { createGitHubClient } from '../github/client.js';
import { neutralizeWorkflowCommands } from '../render/escape.js';
import type { ActionIo } from './io.js';
import { runAction, type ActionResult } from './run.js';

/** @actions/core behind the ActionIo interface: the only place the action touches it. */
function coreIo(): ActionIo {
  return {
    // Only log lines are read for workflow commands; annotations and outputs are escaped by core.
    info: (message) => core.info(neutralizeWorkflowCommands(message)),
    notice: (message, properties) => core.notice(message, properties ?? {}),
    warning: (message, properties) => core.warning(message, properties ?? {}),
    error: (message, properties) => core.error(message, properties ?? {}),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    setSecret: (value) => core.setSecret(value),
    group: (name, body) => core.group(name, body),
    appendSummary: async (markdown) => {
      // Without GITHUB_STEP_SUMMARY (local runs) the summary goes to the log instead.
      if (!process.env.GITHUB_STEP_SUMMARY) return core.info(neutralizeWorkflowCommands(markdown));
      await core.summary.addRaw(markdown, true).write();
    },
  };
}

export async function run(): Promise<ActionResult> {
  return runAction({
    getInput: (name) => core.getInput(name),
    env: process.env,
    io: coreIo(),
    // Loaded on demand: runs that stop early (skip, fork, bad input) never load the AWS SDK.
    loadOperations: async () => (await import('../operations/index.js')).operations,
    createGitHub: (token) => createGitHubClient(token, { log: (message) => core.info(neutralizeWorkflowCommands(message)) }),
    readEventPayload: async (path) => JSON.parse(await readFile(path, 'utf8')) as unknown,
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    cwd: process.cwd(),
  });
}
