type Props = { termId: string };

/** Being built (this session): see the issue "The coordinator's workbench". */
export function DataScreen({ termId }: Props) {
  return <p data-term={termId} />;
}
