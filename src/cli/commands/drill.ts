import type { Command } from 'commander';

/** Registers `drill`, `drill status|submit`, `history` and `report` (issue 5; filled in by the drill work). */
export function registerDrillCommands(_program: Command, _run: (action: () => Promise<number>) => Promise<void>): void {}
