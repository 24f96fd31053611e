import { Button, FluentProvider, Spinner, Tab, TabList, Title3, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useState } from "react";
import type { UnitInfo } from "../core/model";
import { addPack } from "../core/packs";
import type { PaneHost } from "../host/pane-host";
import type { WorkbookPort } from "../host/workbook-port";
import { currentRequest, onViewRequested, requestView, type View } from "../host/navigation";
import type { Strings } from "./strings";
import { TemplatesView } from "./views/TemplatesView";
import { SelfTestView } from "./views/SelfTestView";
import { UnitInfoView } from "./views/UnitInfoView";

/** Loaded on demand: the validation engine is not needed to open the pane. */
const ValidationView = lazy(() => import(/* webpackChunkName: "validation" */ "./views/ValidationView"));
const NarrativeView = lazy(() => import(/* webpackChunkName: "narrative" */ "./views/NarrativeView"));

const useStyles = makeStyles({
  root: { position: "relative", padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Shown beside the title, but last in the page, so that the keyboard reaches the tabs and the view first.
  hostActions: { position: "absolute", top: tokens.spacingHorizontalM, right: tokens.spacingHorizontalM, display: "flex", gap: tokens.spacingHorizontalS },
});

export interface AppProps {
  strings: Strings;
  port: WorkbookPort;
  /** The host's own actions (WPS: 自检 and 隐藏); absent in Excel. */
  paneHost?: PaneHost;
}

/** 单位名称 and 年度 as the workbook's tables print them, or null when they print neither. */
async function suggestUnitInfo(port: WorkbookPort): Promise<UnitInfo | null> {
  const reading = await port.readTables({}).catch(() => null);
  const printed = reading?.disclosure?.unit;
  if (!printed || (!printed.name && !printed.year)) return null;
  return { name: printed.name, year: printed.year || new Date().getFullYear(), type: reading?.unitInfo?.type ?? printed.type, department: reading?.unitInfo?.department ?? printed.department };
}

export function App({ strings, port, paneHost }: AppProps) {
  const styles = useStyles();
  const [request, setRequest] = useState(currentRequest());
  const view = request.view;
  const [unit, setUnit] = useState<UnitInfo | null>(null);
  /** The form is keyed on the first load only, so that saving does not reset it. */
  const [unitLoaded, setUnitLoaded] = useState(false);

  useEffect(() => onViewRequested(setRequest), []);
  /** What the sheets print (编制单位, the year in the titles), offered for confirmation when no 单位信息 is saved yet. */
  const [suggested, setSuggested] = useState<UnitInfo | null>(null);

  // A pack imported earlier and kept with the workbook is there before anything reads the workbook.
  const [packLoaded, setPackLoaded] = useState(false);
  useEffect(() => {
    void port
      .loadPack()
      .then(async (json) => {
        if (!json) return;
        // The pack check (and its schema) loads only for a workbook that keeps a pack.
        const { readPackText } = await import(/* webpackChunkName: "pack-file" */ "../core/packs/pack-file");
        const reading = readPackText(json);
        if (reading.ok) addPack(reading.pack);
      })
      .catch(() => undefined)
      .finally(() => setPackLoaded(true));
  }, [port]);

  useEffect(() => {
    port
      .loadUnitInfo()
      .then(setUnit, () => setUnit(null))
      .finally(() => setUnitLoaded(true));
  }, [port]);
  // Each time 单位信息 opens with nothing saved, the form offers what the sheets print now.
  useEffect(() => {
    if (view !== "unitInfo" || !unitLoaded || unit) return;
    let current = true;
    void suggestUnitInfo(port).then((s) => current && setSuggested(s));
    return () => {
      current = false;
    };
  }, [port, view, unit, unitLoaded]);

  async function saveUnit(info: UnitInfo) {
    await port.saveUnitInfo(info);
    setUnit(info);
  }

  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <main className={styles.root}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        <TabList selectedValue={view} onTabSelect={(_, d) => requestView(d.value as View)}>
          <Tab value="templates">{strings.tabTemplates}</Tab>
          <Tab value="validation">{strings.tabValidation}</Tab>
          <Tab value="narrative">{strings.tabNarrative}</Tab>
          <Tab value="unitInfo">{strings.tabUnitInfo}</Tab>
        </TabList>
        <section aria-live="polite">
          {view === "templates" && <TemplatesView key={packLoaded ? "packs" : "builtIn"} strings={strings} unit={unit} insertTables={(r) => port.insertTables(r)} convertSelection={() => port.convertSelectionToWan()} savePack={(json) => port.savePack(json)} />}
          {view === "validation" && (
            <Suspense fallback={<Spinner size="tiny" label={strings.working} />}>
              <ValidationView strings={strings} port={port} unit={unit} actionToken={request.actionToken} />
            </Suspense>
          )}
          {view === "narrative" && (
            <Suspense fallback={<Spinner size="tiny" label={strings.working} />}>
              <NarrativeView strings={strings} port={port} unit={unit} finalizeToken={request.actionToken} />
            </Suspense>
          )}
          {view === "selfTest" && paneHost && <SelfTestView strings={strings} host={paneHost} actionToken={request.actionToken} />}
          {view === "unitInfo" && <UnitInfoView key={unitLoaded ? (suggested ? `suggested:${suggested.name}:${suggested.year}` : "loaded") : "loading"} strings={strings} initial={unit ?? suggested} prefilled={!unit && suggested !== null} onSave={saveUnit} />}
        </section>
        {paneHost && (
          <div className={styles.hostActions}>
            <Button size="small" appearance={view === "selfTest" ? "primary" : "secondary"} onClick={() => requestView("selfTest", { run: true })}>
              {strings.selfTest}
            </Button>
            <Button size="small" title={strings.hidePaneHint} onClick={() => paneHost.hide()}>
              {strings.hidePane}
            </Button>
          </div>
        )}
      </main>
    </FluentProvider>
  );
}
