// Bar and line charts (recharts), loaded with the dashboard screens only: the rest of the app never downloads
// them. Each chart is a figure named by its caption, with its points also readable as a table by screen readers.
import { Text, VisuallyHidden } from '@mantine/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatValue, type Unit } from './format.ts';

export interface Point {
  label: string;
  value: string;
}

export interface SeriesChartProps {
  title: string;
  points: Point[];
  unit: Unit;
  kind: 'bar' | 'line';
  height?: number;
}

export default function SeriesChart({ title, points, unit, kind, height = 240 }: SeriesChartProps) {
  // Recharts plots numbers; the labels and the hidden table keep the API's exact strings.
  const data = points.map((p) => ({
    label: p.label,
    value: Number(p.value),
    text: formatValue(p.value, unit),
  }));
  const axis = { fontSize: 12, fill: 'var(--mantine-color-dimmed)' };
  const tick = (value: number) => formatValue(String(value), unit === 'money' ? 'count' : unit);
  // The axis ends at a round number above the highest point (1,042,335 → 1,200,000; 990,000 → 1,200,000) in four equal steps, so no
  // point sits on the plot's edge.
  const wanted = Math.max(1, ...data.map((d) => d.value)) * 1.02;
  const magnitude = 10 ** Math.floor(Math.log10(wanted));
  const top = ([1.2, 1.6, 2, 2.4, 3.2, 4, 6, 8, 10].find((s) => s * magnitude >= wanted) ?? 10) * magnitude;
  const ticks = [0, 1, 2, 3, 4].map((k) => (top * k) / 4);
  const tooltip = (
    <Tooltip
      formatter={(_value, _name, item) => [(item.payload as { text: string }).text, title]}
      contentStyle={{ fontSize: 13 }}
    />
  );
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text fw={600} size="sm" mb="xs">
          {title}
        </Text>
      </figcaption>
      <div aria-hidden style={{ width: '100%', height }}>
        <ResponsiveContainer>
          {kind === 'bar' ? (
            <BarChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={axis} interval={0} angle={-20} textAnchor="end" height={56} />
              <YAxis tick={axis} tickFormatter={tick} width={72} domain={[0, top]} ticks={ticks} />
              {tooltip}
              <Bar
                dataKey="value"
                fill="var(--mantine-color-blue-6)"
                radius={[4, 4, 0, 0]}
                isAnimationActive={false}
              />
            </BarChart>
          ) : (
            <LineChart data={data} margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={axis} />
              <YAxis tick={axis} tickFormatter={tick} width={84} domain={[0, top]} ticks={ticks} />
              {tooltip}
              <Line
                dataKey="value"
                stroke="var(--mantine-color-blue-6)"
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <tbody>
            {data.map((point) => (
              <tr key={point.label}>
                <th scope="row">{point.label}</th>
                <td>{point.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
