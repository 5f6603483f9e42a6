/** What an admin form's save came to: a "saved" notice, or the list of what to fix. */
export function SaveFeedback({ result, saved }: { result: { ok: boolean; errors?: string[] }; saved: string }) {
  return result.ok ? (
    <p role="status" className="notice good">
      {saved}
    </p>
  ) : (
    <ul role="alert" className="error">
      {(result.errors ?? []).map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
