/**
 * `npm run score` — DESIGN §9.3. Scores results files against a framework with the same SQL the
 * browser runs, and prints the league table as CSV or JSON. See README.md for the contract.
 */
import { runScore } from './score-command';

const outcome = await runScore(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
});
process.exitCode = outcome;
