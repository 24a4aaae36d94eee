import { useId, type InputHTMLAttributes } from 'react';

/** A labelled input, large enough for a finger and readable without glasses. */
export function Field({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input id={id} className="field__input" autoComplete="off" {...input} />
    </div>
  );
}
