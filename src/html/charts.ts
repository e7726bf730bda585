import type * as ECharts from "echarts";

/** Loaded on first use: requiring ECharts is a few hundred milliseconds only the round's page needs. */
let echarts: typeof ECharts | undefined;

/** Apache ECharts rendered to an SVG string on the server: no browser, no script in the page. */
function svg(option: ECharts.EChartsOption, width: number, height: number): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  echarts ??= require("echarts") as typeof ECharts;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: "sans-serif", color: "#222" }, ...option });
  const out = chart.renderToSVGString();
  chart.dispose();
  return out;
}

/** Horizontal bars, one per label, values 0..1 shown as percentages, with a goal line at 100%. */
export function percentBars(
  labels: string[],
  values: (number | null)[],
  width: number,
  colors: string[],
): string {
  const height = 40 + labels.length * 22;
  return svg(
    {
      grid: { left: 150, right: 60, top: 10, bottom: 24 },
      xAxis: {
        type: "value",
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%`, color: "#222" },
      },
      yAxis: {
        type: "category",
        data: labels,
        inverse: true,
        axisLabel: { color: "#222", width: 140, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          data: values.map((v, i) => ({ value: v ?? 0, itemStyle: { color: colors[i] ?? "#4472c4" } })),
          label: {
            show: true,
            position: "right",
            color: "#222",
            formatter: (p) =>
              values[p.dataIndex] === null ? "无数据" : `${((p.value as number) * 100).toFixed(1)}%`,
          },
          markLine: {
            symbol: "none",
            silent: true,
            data: [{ xAxis: 1 }],
            lineStyle: { color: "#c00000", type: "dashed" },
            label: { formatter: "目标", color: "#c00000" },
          },
        },
      ],
    },
    width,
    height,
  );
}

/** Vertical bars of counts, e.g. issues by kind. */
export function countBars(labels: string[], values: number[], width: number, height: number): string {
  return svg(
    {
      grid: { left: 40, right: 20, top: 20, bottom: 60 },
      xAxis: { type: "category", data: labels, axisLabel: { interval: 0, rotate: 20, color: "#222" } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: "#222" } },
      series: [
        {
          type: "bar",
          data: values,
          itemStyle: { color: "#4472c4" },
          label: { show: true, position: "top", color: "#222" },
        },
      ],
    },
    width,
    height,
  );
}
