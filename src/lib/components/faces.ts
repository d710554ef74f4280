// Easy Read faces for the agreement scale: each mouth and pair of eyes matches its words, and
// each face has its own shape and colour, so no one needs to tell colours apart.
export type Face = {
	/** What the face shows, for tests and styles. */
	shape: 'big-smile' | 'smile' | 'straight' | 'frown' | 'big-frown' | 'question';
	fill: string;
	/** The mouth: a quadratic curve "M x1 y Q cx cy x2 y" (below y = smile, above = frown). */
	mouth?: string;
	/** Filled open mouth (a big smile) rather than a line. */
	openMouth?: boolean;
	/** Eyes: round dots, happy arcs, or dots under worried brows. */
	eyes: 'dots' | 'happy' | 'worried';
};

export const agreementFaces: Record<string, Face> = {
	strongly_agree: {
		shape: 'big-smile',
		fill: '#85d1a6',
		mouth: 'M12 27 Q24 45 36 27 Z',
		openMouth: true,
		eyes: 'happy'
	},
	agree: { shape: 'smile', fill: '#c6e9d3', mouth: 'M14 29 Q24 38 34 29', eyes: 'dots' },
	neither: { shape: 'straight', fill: '#ffffff', mouth: 'M15 32 Q24 32 33 32', eyes: 'dots' },
	disagree: { shape: 'frown', fill: '#fbd5b5', mouth: 'M14 35 Q24 27 34 35', eyes: 'dots' },
	strongly_disagree: {
		shape: 'big-frown',
		fill: '#f5a3a3',
		mouth: 'M12 37 Q24 23 36 37',
		eyes: 'worried'
	},
	dont_know: { shape: 'question', fill: '#dde6f0', eyes: 'dots' }
};
