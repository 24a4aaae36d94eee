/** Main's refusal of what the form sent (a wrong PIN, a lock), read out at once beside the form; nothing while there is none. */
export function FormAlert({ message }: { message: string }) {
  return message ? (
    <p className="screen__text screen__text--warn" role="alert">
      {message}
    </p>
  ) : null;
}
