// chart.js for the insight dashboards: only the pieces used are registered (tree-shaken), one
// palette, and fill patterns so colour is never the only way to tell answers apart.
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
} from 'chart.js';

Chart.register(
	BarController,
	BarElement,
	LineController,
	LineElement,
	PointElement,
	CategoryScale,
	LinearScale,
	Legend,
	Tooltip
);

export { Chart };

/**
 * The agreement scale, in its order on the diverging bar. Neighbours alternate dark and light so
 * each pair differs by at least 3:1 (WCAG relative luminance):
 *   strongly disagree #8f2a0e | disagree #f4a582 : 4.21
 *   disagree #f4a582 | neither #505a5f : 3.55
 *   neither #505a5f | agree #92c5de : 3.79
 *   agree #92c5de | strongly agree #1d4f6e : 4.70
 * Every segment has a #0b0c0c outline (the light ones are only 1.9:1 on white), the "strongly"
 * answers are hatched, and the legend, direct labels and the data table repeat the meaning.
 * The responses line is #1d70b8 (5.17:1 on white) with point markers.
 */
export const AGREEMENT_COLOURS = {
	strongly_disagree: '#8f2a0e',
	disagree: '#f4a582',
	neither: '#505a5f',
	agree: '#92c5de',
	strongly_agree: '#1d4f6e'
} as const;

export const LINE_COLOUR = '#1d70b8';
export const OUTLINE_COLOUR = '#0b0c0c';

/** A diagonal-hatched fill of a colour, for the "strongly" answers. */
export function hatched(colour: string): CanvasPattern | string {
	const tile = document.createElement('canvas');
	tile.width = tile.height = 8;
	const ctx = tile.getContext('2d');
	if (!ctx) return colour;
	ctx.fillStyle = colour;
	ctx.fillRect(0, 0, 8, 8);
	ctx.strokeStyle = 'rgba(255, 255, 255, 0.6)';
	ctx.lineWidth = 2;
	ctx.beginPath();
	ctx.moveTo(0, 8);
	ctx.lineTo(8, 0);
	ctx.moveTo(-2, 2);
	ctx.lineTo(2, -2);
	ctx.moveTo(6, 10);
	ctx.lineTo(10, 6);
	ctx.stroke();
	return ctx.createPattern(tile, 'repeat') ?? colour;
}
