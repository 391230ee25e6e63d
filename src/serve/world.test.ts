// The World of `clair serve` keeps what it parsed until the watcher names the file: an edit re-reads and re-parses
// the saved file only, and the next check sees its new content.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataFile } from '../load/source.js';
import { World } from '../world.js';
import { WatchedWorld } from './world.js';

const root = mkdtempSync(join(tmpdir(), 'clair-watched-world-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('WatchedWorld', () => {
  it('reads a file once until it is forgotten', () => {
    const file = join(root, 'a.yaml');
    writeFileSync(file, 'one');
    const world = new WatchedWorld({ dataRoot: root });
    expect(world.readText(file)).toBe('one');
    writeFileSync(file, 'two');
    expect(world.readText(file)).toBe('one');
    world.forget(file);
    expect(world.readText(file)).toBe('two');
    expect(new World({ dataRoot: root }).readText(file)).toBe('two');
  });

  it('parses an unchanged file once, and again after the watcher names it', () => {
    const events = join(root, 'events.yaml');
    const lectures = join(root, 'lectures.yaml');
    writeFileSync(events, 'title: before\n');
    writeFileSync(lectures, 'title: kept\n');
    const world = new WatchedWorld({ dataRoot: root, cwd: root });
    const first = readDataFile(world, events);
    const other = readDataFile(world, lectures);
    expect(readDataFile(world, events)).toBe(first);

    writeFileSync(events, 'title: after\n');
    // Not named yet: the saved text is not seen (the watcher has not reported it).
    expect(readDataFile(world, events)).toBe(first);
    world.forget(events);
    const second = readDataFile(world, events);
    expect(second.ok && second.source.data).toEqual({ title: 'after' });
    expect(readDataFile(world, lectures)).toBe(other);

    // A file broken mid-edit is parsed again once fixed.
    writeFileSync(events, 'title: [unclosed\n');
    world.forget(events);
    expect(readDataFile(world, events).ok).toBe(false);
    writeFileSync(events, 'title: fixed\n');
    world.forget(events);
    const fixed = readDataFile(world, events);
    expect(fixed.ok && fixed.source.data).toEqual({ title: 'fixed' });
  });

  it('the plain World of the other commands parses on every read', () => {
    const file = join(root, 'outreach.yaml');
    writeFileSync(file, 'title: one\n');
    const world = new World({ dataRoot: root, cwd: root });
    const first = readDataFile(world, file);
    const second = readDataFile(world, file);
    expect(second).not.toBe(first);
    expect(second.ok && second.source.data).toEqual({ title: 'one' });
  });
});
