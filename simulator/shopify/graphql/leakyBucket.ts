import type { Clock } from '../store/clock';

export interface ThrottleStatus {
	maximumAvailable: number;
	currentlyAvailable: number;
	restoreRate: number;
}

/**
 * Shopify's per-app-per-shop cost bucket: it refills at `restoreRate` points per second up to
 * `maximumAvailable`; a query is refused (THROTTLED) when its requested cost exceeds what is available,
 * and the unused part of the requested cost is refunded after the query ran.
 */
export class LeakyBucket {
	private available: number;
	private updatedAt: number;

	constructor(
		private readonly clock: Clock,
		public maximumAvailable = 2000,
		public restoreRate = 100,
	) {
		this.available = maximumAvailable;
		this.updatedAt = clock();
	}

	private refill(): void {
		const now = this.clock();
		const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
		this.available = Math.min(this.maximumAvailable, this.available + elapsedSeconds * this.restoreRate);
		this.updatedAt = now;
	}

	/** Takes `cost` points if available; returns false (and takes nothing) otherwise. */
	take(cost: number): boolean {
		this.refill();
		if (cost > this.available) return false;
		this.available -= cost;
		return true;
	}

	refund(points: number): void {
		this.refill();
		this.available = Math.min(this.maximumAvailable, this.available + points);
	}

	/** Empties the bucket down to `points` (to force THROTTLED in a test). */
	drainTo(points: number): void {
		this.refill();
		this.available = Math.max(0, Math.min(this.maximumAvailable, points));
	}

	configure(maximumAvailable: number, restoreRate: number): void {
		this.refill();
		this.maximumAvailable = maximumAvailable;
		this.restoreRate = restoreRate;
		this.available = Math.min(this.available, maximumAvailable);
	}

	status(): ThrottleStatus {
		this.refill();
		return {
			maximumAvailable: this.maximumAvailable,
			currentlyAvailable: Math.floor(this.available),
			restoreRate: this.restoreRate,
		};
	}
}
