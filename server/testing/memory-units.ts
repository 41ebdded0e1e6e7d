/** How many units a data folder's translation memory holds, read through a connection of its own (as the CLI opens it). */
import { SqliteTranslationMemory } from '../memory/sqlite-memory';
import { openDataFolder } from '../store/data-dir';

export function memoryUnitCount(dataDir: string): number {
  const folder = openDataFolder(dataDir);
  try {
    return new SqliteTranslationMemory(folder.db).stats().units;
  } finally {
    folder.close();
  }
}
