import { makeStyles, tokens } from "@fluentui/react-components";
import { Fragment } from "react";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
});

/** A term / value list (province, versions, …), each value findable by its test id. */
export function FactList({ facts }: { facts: [term: string, value: string, testId: string][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value, testId]) => (
        <Fragment key={testId}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value} data-testid={testId}>
            {value}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
