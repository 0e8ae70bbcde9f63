/**
 * A full-width button that opens the phone's file picker and hands over the one file chosen.
 * The input is cleared each time, so choosing the same file again is seen again.
 */
export function FileButton({
  label,
  accept,
  onFile,
}: {
  label: string;
  accept?: string;
  onFile: (file: File | undefined) => void;
}) {
  return (
    <label className="button button-secondary button-wide file-button">
      <input
        type="file"
        accept={accept}
        className="visually-hidden"
        onChange={(event) => {
          onFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {label}
    </label>
  );
}
