#!/usr/bin/python3
"""SimPy peer of bench/scenarios/minimal-scale10.yaml (issue 16): the minimal court-year model at ten times its size.

1,370 one-judge teams (a Resource of capacity 1 each), Poisson intake of 614,000 cases a year, each case sent to a
team drawn uniformly at random (random assignment), exponential effort with a mean of 15.6 hours, continuous time
(24-hour days), one year from empty. Written against the SimPy 2 API that Debian's python3-simpy ships
(SimPy 2.3.1: `from SimPy.Simulation import ...`); run with /usr/bin/python3 so Debian's package is the one imported.

Usage: /usr/bin/python3 bench/peers/minimal_scale10_simpy.py [seed]
Prints one line: cases filed, cases closed, simulation seconds (its own timer) and cases per second.
"""
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

TEAMS = 1370
PER_YEAR = 614000.0
MEAN_HOURS = 15.6
DAYS = 365.0

filed = 0
closed = 0


class Case(Process):
    def work(self, team, days):
        global closed
        yield request, self, team
        yield hold, self, days
        yield release, self, team
        closed += 1


class Intake(Process):
    def run(self, teams, rng):
        global filed
        rate = PER_YEAR / 365.0  # cases a day
        mean_days = MEAN_HOURS / 24.0
        while True:
            yield hold, self, rng.expovariate(rate)
            if now() >= DAYS:
                return
            filed += 1
            case = Case()
            activate(case, case.work(teams[rng.randrange(TEAMS)], rng.expovariate(1.0 / mean_days)))


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    rng = random.Random(seed)
    started = time.perf_counter()
    initialize()
    teams = [Resource(capacity=1, name="t-%d" % (i + 1)) for i in range(TEAMS)]
    intake = Intake()
    activate(intake, intake.run(teams, rng))
    simulate(until=DAYS)
    seconds = time.perf_counter() - started
    print("simpy filed %d closed %d seconds %.2f cases_per_second %.0f" % (filed, closed, seconds, filed / seconds))


if __name__ == "__main__":
    main()
