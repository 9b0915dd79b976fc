import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frontmatter, parseLesson, parseView, slideIndex } from './lesson';

const chapters = ['window-partition', 'shifted-windows'];
const source = `---
title: A lesson
summary: 'Quoted: with a colon'
duration: 15 minutes
audience: Students
---

## First slide

view: /shifted-windows?H=9&step=2

Say this,
then that.

Second paragraph.

## Second slide

- view: \`window-partition\`

Note.
`;

describe('parseLesson', () => {
  it('reads the frontmatter and one slide per ## section, with its view and note', () => {
    const l = parseLesson('a', source, chapters);
    expect(l).toMatchObject({ slug: 'a', title: 'A lesson', summary: 'Quoted: with a colon' });
    expect(l.slides).toEqual([
      {
        title: 'First slide',
        chapter: 'shifted-windows',
        query: '?H=9&step=2',
        note: ['Say this, then that.', 'Second paragraph.']
      },
      { title: 'Second slide', chapter: 'window-partition', query: '', note: ['Note.'] }
    ]);
  });
  it('fails with where and why on a missing field, view or chapter', () => {
    expect(() => parseLesson('a', source.replace('duration: 15 minutes\n', ''), chapters)).toThrow(
      'content/lessons/a.md: frontmatter needs "duration"'
    );
    expect(() =>
      parseLesson('a', source.replace('view: /shifted', 'see: /shifted'), chapters)
    ).toThrow(/slide 1 "First slide" has no "view:" line/);
    expect(() => parseLesson('a', source, ['window-partition'])).toThrow(
      /no chapter "shifted-windows"/
    );
  });
  it('parses the lessons the site ships against the real chapters', () => {
    const real = readdirSync('content')
      .filter((f) => /^\d+-/.test(f))
      .map((f) => f.replace(/^\d+-/, ''));
    for (const f of readdirSync('content/lessons')) {
      const l = parseLesson(
        f.replace(/\.md$/, ''),
        readFileSync(`content/lessons/${f}`, 'utf8'),
        real
      );
      expect(l.slides.length, f).toBeGreaterThanOrEqual(4);
      for (const s of l.slides) expect(s.note.length, `${f}: ${s.title}`).toBeGreaterThan(0);
    }
  });
});

describe('helpers', () => {
  it('frontmatter joins folded lines', () => {
    expect(frontmatter('---\ntitle: a\n  b\n---\nbody').fields.title).toBe('a b');
  });
  it('parseView accepts /slug?query and refuses anything else', () => {
    expect(parseView('/unfold-fold?step=2')).toEqual({ chapter: 'unfold-fold', query: '?step=2' });
    expect(parseView('https://example.com/x')).toBeNull();
  });
  it('slideIndex is 1-based in, 0-based out, clamped', () => {
    expect(slideIndex(null, 5)).toBe(0);
    expect(slideIndex('3', 5)).toBe(2);
    expect(slideIndex('99', 5)).toBe(4);
    expect(slideIndex('x', 5)).toBe(0);
  });
});
