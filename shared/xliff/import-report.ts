/**
 * An XLIFF import's summary as lines a person reads (the CLI prints them, the
 * editor shows them): what changed, and every translation an empty target
 * erased or would have erased, by segment id with the start of its text, so
 * that nothing is lost without a word.
 */
import { SKIPPED, type XliffErasure, type XliffImportSummary } from './import-xliff';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : what.endsWith('s') ? 'es' : 's'}`;

const erasureLine = (erasure: XliffErasure) => `  ${erasure.segment}  ${JSON.stringify(erasure.text)}`;

export function importReport(summary: XliffImportSummary): string[] {
  const { updated, targets, statuses, unchanged, skipped, erasures, dryRun } = summary;
  const counts = `${plural(updated, 'segment')} ${dryRun ? 'would be updated' : 'updated'} (${plural(targets, 'target')}, ${plural(statuses, 'status')}), ${unchanged} unchanged, ${skipped.length} skipped`;
  const lines = [dryRun ? `dry run, nothing changed: ${counts}` : counts];
  const erased = erasures.filter((erasure) => erasure.erased);
  const kept = erasures.filter((erasure) => !erasure.erased);
  if (erased.length > 0) {
    lines.push(
      `${plural(erased.length, 'translation')} ${dryRun ? 'would be erased' : 'erased'} by an empty target the file confirms:`,
      ...erased.map(erasureLine),
    );
  }
  if (kept.length > 0) {
    lines.push(
      `${plural(kept.length, 'translation')} kept where the file's target is empty (empty means not translated; it erases only with overwrite and a state the other tool set to confirm it):`,
      ...kept.map(erasureLine),
    );
  }
  const empty = skipped.filter((unit) => unit.reason === SKIPPED.emptyTarget);
  if (empty.length > 0)
    lines.push(`${plural(empty.length, 'empty target')} left as not translated: ${empty.map((unit) => unit.segment ?? unit.unit).join(', ')}`);
  return lines;
}
