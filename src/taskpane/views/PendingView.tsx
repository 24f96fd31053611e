import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";

/** A view whose engine is not in this version yet: says so plainly. */
export function PendingView({ intro, pending }: { intro: string; pending: string }) {
  return (
    <div>
      <Text as="p">{intro}</Text>
      <MessageBar intent="info">
        <MessageBarBody>{pending}</MessageBarBody>
      </MessageBar>
    </div>
  );
}
