import { Body1, Button, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useRef, useState, type DragEvent } from "react";
import { pick, type Lang } from "../i18n";
import { CHECKER } from "./words";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  heading: { margin: 0 },
  input: { display: "none" },
});

export interface OpenWorkbookProps {
  lang: Lang;
  busy: boolean;
  onFile(file: File): void;
}

/** A returned workbook chosen with the file picker or dropped on the zone; the file stays in the page. */
export function OpenWorkbook({ lang, busy, onFile }: OpenWorkbookProps) {
  const styles = useStyles();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <section
      className={mergeClasses(styles.zone, over && styles.over)}
      aria-labelledby={`${ids}-title`}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="open-zone"
    >
      <Subtitle2 as="h2" id={`${ids}-title`} className={styles.heading}>
        {pick(CHECKER.openTitle, lang)}
      </Subtitle2>
      <Button
        appearance="primary"
        disabled={busy}
        onClick={() => input.current?.click()}
        data-testid="choose-file"
      >
        {pick(CHECKER.choose, lang)}
      </Button>
      <Body1>{pick(over ? CHECKER.dropNow : CHECKER.drop, lang)}</Body1>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) opens it again.
          event.target.value = "";
          if (file) onFile(file);
        }}
        data-testid="file-input"
      />
    </section>
  );
}
