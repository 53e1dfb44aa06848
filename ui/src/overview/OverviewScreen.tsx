type Props = { termId: string };

/** Being built (this session): see the issue "The coordinator's workbench". */
export function OverviewScreen({ termId }: Props) {
  return <p data-term={termId} />;
}
