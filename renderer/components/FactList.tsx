/** Label–value rows an administrator reads (configuration, diagnostics), in one layout. */
export function FactList({ rows, className = 'facts facts--small', testId }: { rows: readonly (readonly [string, string])[]; className?: string; testId?: string }) {
  return (
    <dl className={className} data-testid={testId}>
      {rows.map(([key, value]) => (
        <div key={key} className="facts__row">
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
