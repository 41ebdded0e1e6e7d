/**
 * What reading a TMX file met that the file's units do not show: units
 * skipped, codes Duet cannot represent, links refused, languages read
 * otherwise than the header says. Counted while reading, said at the end as
 * the reading's `notes`, one line each.
 */

/** How many lines a note lists before it says "…". */
const LISTED_LINES = 5;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Counts of one kind of thing, with the lines they were found on. */
class Tally {
  count = 0;
  private readonly lines: number[] = [];

  add(line: number): void {
    this.count++;
    if (this.lines.length < LISTED_LINES) this.lines.push(line);
  }

  where(): string {
    const more = this.count > this.lines.length ? ', …' : '';
    return `(line${this.count === 1 ? '' : 's'} ${this.lines.join(', ')}${more})`;
  }
}

export class TmxReport {
  private readonly skipped = new Tally();
  private readonly extraVariants = new Tally();
  /** Codes Duet has no node or mark for, by element name. */
  private readonly dropped = new Map<string, Tally>();
  private readonly highlights = new Tally();
  private readonly refusedLinks = new Tally();
  private readonly misfitShapes = new Tally();
  private readonly badDates = new Tally();
  private readonly badCounts = new Tally();
  private readonly duplicateProps = new Tally();
  private headerLanguage: { srclang: string; languages: Set<string> } | null = null;

  skip = (line: number) => this.skipped.add(line);
  extraVariant = (line: number) => this.extraVariants.add(line);
  highlight = (line: number) => this.highlights.add(line);
  refusedLink = (line: number) => this.refusedLinks.add(line);
  misfitShape = (line: number) => this.misfitShapes.add(line);
  badDate = (line: number) => this.badDates.add(line);
  badCount = (line: number) => this.badCounts.add(line);
  duplicateProp = (line: number) => this.duplicateProps.add(line);

  drop(element: string, line: number): void {
    let tally = this.dropped.get(element);
    if (!tally) this.dropped.set(element, (tally = new Tally()));
    tally.add(line);
  }

  /** The header names a source language that is not Chinese; the units' own languages were read instead. */
  headerSays(srclang: string): void {
    this.headerLanguage = { srclang, languages: new Set() };
  }

  /** A language a unit's Chinese or English side was read from. */
  language(lang: string): void {
    this.headerLanguage?.languages.add(lang);
  }

  lines(units: number): string[] {
    const notes: string[] = [`${plural(units, 'translation unit')} read.`];
    if (this.headerLanguage) {
      const seen = [...this.headerLanguage.languages];
      notes.push(
        `The header says srclang="${this.headerLanguage.srclang}", but each unit's Chinese and English were found by its own variants' languages` +
          (seen.length > 0 ? ` (${seen.join(', ')}).` : '.'),
      );
    }
    if (this.skipped.count > 0)
      notes.push(`${plural(this.skipped.count, 'unit')} skipped: without both a Chinese (zh) and an English (en) variant ${this.skipped.where()}.`);
    if (this.extraVariants.count > 0)
      notes.push(
        `${plural(this.extraVariants.count, 'unit')} had more than one Chinese or English variant; the first of each was read ${this.extraVariants.where()}.`,
      );
    for (const [element, tally] of this.dropped) {
      const kept = element === 'bpt' ? ' (their text kept, unformatted)' : '';
      notes.push(`${plural(tally.count, `<${element}> code`)} Duet cannot represent left out${kept} ${tally.where()}.`);
    }
    if (this.highlights.count > 0) notes.push(`${plural(this.highlights.count, '<hi> highlight')} read as plain text ${this.highlights.where()}.`);
    if (this.refusedLinks.count > 0)
      notes.push(
        `${plural(this.refusedLinks.count, 'link')} to an address Duet refuses (only http, https, mailto and addresses on the site) kept as plain text ${this.refusedLinks.where()}.`,
      );
    if (this.misfitShapes.count > 0)
      notes.push(`${plural(this.misfitShapes.count, 'side')} whose text no longer fits Duet's x-duet-shape read as paragraphs ${this.misfitShapes.where()}.`);
    if (this.badDates.count > 0) notes.push(`${plural(this.badDates.count, 'date')} not in TMX's form YYYYMMDDThhmmssZ ignored ${this.badDates.where()}.`);
    if (this.badCounts.count > 0) notes.push(`${plural(this.badCounts.count, 'usagecount')} that is not a whole number read as 0 ${this.badCounts.where()}.`);
    if (this.duplicateProps.count > 0)
      notes.push(`${plural(this.duplicateProps.count, '<prop>')} repeating a type already given, or without a type, ignored ${this.duplicateProps.where()}.`);
    return notes;
  }
}
