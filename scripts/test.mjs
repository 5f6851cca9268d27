// `npm test`: the type check and the tests side by side (the type check is ~20 s of one core that the
// tests' start would otherwise wait for). Arguments go to vitest. Fails if either fails.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const bin = (name) => resolve(import.meta.dirname, '../node_modules/.bin', name);

function run(command, args, stdio) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => done({ code: 1, output: `${command}: ${error.message}\n` }));
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const typeCheck = run(bin('tsc'), ['--noEmit', '-p', '.'], ['ignore', 'pipe', 'pipe']).then((result) => {
  // Said as soon as it is known, between the tests' lines if they are still running.
  if (result.code !== 0) process.stderr.write(`\nType check failed (tsc --noEmit -p .):\n${result.output}\n`);
  return result;
});
const tests = run(bin('vitest'), ['run', ...process.argv.slice(2)], 'inherit');
const [checked, tested] = await Promise.all([typeCheck, tests]);
if (checked.code !== 0) process.stderr.write('npm test: the type check failed (its errors are above)\n');
else process.stdout.write('Type check passed (tsc --noEmit -p .)\n');
process.exit(checked.code !== 0 ? checked.code : tested.code);
