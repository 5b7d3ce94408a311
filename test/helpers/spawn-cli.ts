import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const binPath = join(fileURLToPath(new URL('../../', import.meta.url)), 'bin/catalog.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The built command as a child process, without blocking this one (a loopback server of the test must answer meanwhile). */
export function spawnCli(args: string[], cwd: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, binPath, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
