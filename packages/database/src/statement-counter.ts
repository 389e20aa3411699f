import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts every SQL statement a data source sends. Tests use it to prove that a page
 * of children costs the same number of statements whatever its size (no N+1); the
 * platform exposes it for the same check in benchmarks. Slow statements are logged.
 */
export class StatementCounter implements Logger {
  count = 0;
  private readonly statements: string[] = [];
  private recording = false;

  constructor(private readonly onSlowQuery?: (ms: number, query: string) => void) {}

  logQuery(query: string): void {
    this.count++;
    if (this.recording) this.statements.push(query);
  }
  logQueryError(_error: string | Error, _query: string): void {}
  logQuerySlow(time: number, query: string, _parameters?: unknown, _runner?: QueryRunner): void {
    this.onSlowQuery?.(time, query);
  }
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  /** Starts keeping the text of each statement (for diagnosing a test failure). */
  record(): void {
    this.recording = true;
    this.statements.length = 0;
  }
  recorded(): readonly string[] {
    return this.statements;
  }
}
