/** A problem with one trans-unit: reported with the unit's id while the rest of the file is still read. */
export class UnitProblem extends Error {}
