/** The baselines' one activity: it does nothing but tell the benchmark when it ran. */
export function createBaselineActivities(onNoop: (dueAt: number) => void) {
  return {
    async noop(dueAt: number): Promise<void> {
      onNoop(dueAt);
    },
  };
}

export type BaselineActivities = ReturnType<typeof createBaselineActivities>;
