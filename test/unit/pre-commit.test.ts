import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packProject, PROJECT_ROOT } from '../support/npm-pack';

const BAD = '2025年工作总结\n\n　　一、加强学习\n\n　　一、完善制度\n';
const GOOD = '2025年工作总结\n\n　　一、加强学习\n\n　　二、完善制度\n';
const GIT_IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };

function hasPreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * The hook of .pre-commit-hooks.yaml with Debian's pre-commit, in a throw-away git repository: the
 * project (as it is in the work tree) committed into a temporary repository that the config names,
 * summary-lint installed from the npm tarball offline, a bad summary refused at commit time.
 */
describe('the pre-commit hook', function () {
  this.timeout(300_000);
  let work: string;
  let env: NodeJS.ProcessEnv;
  let user: string;

  before(function () {
    if (!hasPreCommit()) {
      console.log('      (skipped: pre-commit is not installed; .ci/run installs it)');
      this.skip();
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-pre-commit-'));
    const prefix = path.join(work, 'prefix');
    execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, packProject(work)], { stdio: 'pipe' });
    env = { ...process.env, ...GIT_IDENTITY, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, PRE_COMMIT_HOME: path.join(work, 'cache'), HOME: work };

    // the hook repository: the work tree's files (committed or not, minus ignored ones) as one commit
    const hooks = path.join(work, 'hook-repo');
    fs.mkdirSync(hooks);
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of files) {
      if (!fs.existsSync(path.join(PROJECT_ROOT, file))) continue;
      fs.mkdirSync(path.dirname(path.join(hooks, file)), { recursive: true });
      fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(hooks, file));
    }
    execFileSync('git', ['init', '-q'], { cwd: hooks, env });
    execFileSync('git', ['add', '-A'], { cwd: hooks, env });
    execFileSync('git', ['commit', '-q', '-m', 'snapshot'], { cwd: hooks, env });
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: hooks, encoding: 'utf8' }).trim();

    user = path.join(work, 'user');
    fs.mkdirSync(user);
    execFileSync('git', ['init', '-q'], { cwd: user, env });
    fs.writeFileSync(path.join(user, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: summary-lint\n`);
    fs.writeFileSync(path.join(user, 'README.md'), '# Notes\n\n1. one\n1. two\n');
    fs.writeFileSync(path.join(user, 'notes.js'), 'console.log(1)\n');
    execFileSync('pre-commit', ['install'], { cwd: user, env, stdio: 'pipe' });
  });
  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('refuses a commit with a faulty summary and says where, skipping the README', () => {
    fs.writeFileSync(path.join(user, '2025年工作总结.txt'), BAD);
    execFileSync('git', ['add', '-A'], { cwd: user, env });
    const commit = spawnSync('git', ['commit', '-m', 'bad'], { cwd: user, env, encoding: 'utf8' });
    const output = commit.stdout + commit.stderr;
    assert.notEqual(commit.status, 0, output);
    assert.match(output, /summary-lint \(official summaries\)\.+Failed/);
    assert.match(output, /2025年工作总结\.txt:5:3 error .* numbering-sequence/);
    assert.doesNotMatch(output, /README\.md:/, 'a README among the staged files is not a summary');
    assert.equal(spawnSync('git', ['rev-parse', '--verify', 'HEAD'], { cwd: user, env }).status, 128, 'nothing was committed');
  });

  it('lets the fixed summary through', () => {
    fs.writeFileSync(path.join(user, '2025年工作总结.txt'), GOOD);
    execFileSync('git', ['add', '-A'], { cwd: user, env });
    const commit = spawnSync('git', ['commit', '-m', 'good'], { cwd: user, env, encoding: 'utf8' });
    assert.equal(commit.status, 0, commit.stdout + commit.stderr);
    assert.match(commit.stdout + commit.stderr, /summary-lint \(official summaries\)\.+Passed/);
  });
});
