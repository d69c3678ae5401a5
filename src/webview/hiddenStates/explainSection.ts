/** The Hidden States view's explain section: saliency under the inputs, unit meanings, select-and-match, trajectory. */
import type { ExplainStrings, Explained, MatchQuery } from '../../shared/protocol';
import type { HiddenStatesApp } from './app';
import { MatchPanel } from './matchPanel';
import { SaliencyView } from './saliencyView';
import { SeriesChart } from './seriesChart';
import { TrajectoryView } from './trajectoryView';
import { UnitsView } from './unitsView';

export class ExplainSection {
  private readonly saliency = new SaliencyView();
  private readonly units: UnitsView;
  private readonly matches: MatchPanel;
  private readonly trajectory = new TrajectoryView();
  private readonly chart: SeriesChart;

  constructor(
    private readonly app: HiddenStatesApp,
    callbacks: { match(q: MatchQuery): void; reveal(row: number): void },
  ) {
    this.units = new UnitsView((orders) => app.setRowOrders(orders));
    this.matches = new MatchPanel({
      geometry: () => app.geometry(),
      get shownWindow() {
        return app.shownWindow;
      },
      heatWrap: app.heatWrap,
      match: (q) => callbacks.match(q),
      reveal: (row) => callbacks.reveal(row),
    });
    this.chart = new SeriesChart({
      brush: (start, end) => this.matches.matchRows(start, end),
      reveal: (row) => callbacks.reveal(row),
    });
    app.onBrush = (from, to) => this.matches.brush(from, to);
    app.saliencyMount.append(this.saliency.element);
    app.explainMount.append(
      this.units.element,
      this.chart.element,
      this.matches.element,
      this.trajectory.element,
    );
    app.onDraw = () => {
      this.saliency.draw(app.geometry());
      this.chart.draw();
      this.trajectory.draw();
    };
  }

  show(s: ExplainStrings, e: Explained | undefined, error: string | undefined): void {
    if (e) {
      this.saliency.show(s, e);
      this.units.show(s, e);
      this.trajectory.show(s, e);
      this.chart.show(s, e, error ? undefined : this.matches.range);
    }
    this.matches.show(s, e, error);
    this.saliency.draw(this.app.geometry());
  }
}
