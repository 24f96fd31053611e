/* A blank Fluent UI v9 page, built with the same config: the baseline of the load-time benchmark. */
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

createRoot(document.getElementById("container")!).render(
  <FluentProvider theme={webLightTheme}>
    <Text>空白页</Text>
  </FluentProvider>,
);
