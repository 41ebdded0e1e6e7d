/** Aligning published work, as the Align page calls it (server/memory/align-routes.ts). */
import { AlignConfirmedSchema, AlignmentProposalSchema, type AlignConfirmed, type AlignFile, type AlignmentProposal } from '../../shared/protocol/align-api';
import type { AlignmentRow } from '../../shared/memory/alignment-edit';
import { apiRequest, readAs } from '../api/http';

export interface AlignFiles {
  source: AlignFile;
  published: AlignFile;
}

export async function proposeAlignment(files: AlignFiles): Promise<AlignmentProposal> {
  return readAs(AlignmentProposalSchema, await apiRequest('POST', '/api/memory/align', { body: files }), 'the alignment');
}

export async function confirmAlignment(files: AlignFiles, rows: readonly AlignmentRow[]): Promise<AlignConfirmed> {
  const body = { ...files, rows: rows.map(({ source, target }) => ({ source, target })) };
  return readAs(AlignConfirmedSchema, await apiRequest('POST', '/api/memory/align/confirm', { body }), 'the memory');
}
