using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Docket.Domain.Courts;
using Docket.Domain.Ledger;
using Docket.Server.Storage;

namespace Docket.Cli.Commands;

/// <summary>
/// `docket ledger verify SCENARIO --data DIR | --postgres CONNECTION`: a service's stored ledgers verified offline —
/// hashes, links, times, actors' rights, every draw re-made, and the chain checked against the witness's signed
/// checkpoints (exit 0 valid, 3 invalid, 2 bad input). `docket ledger public-key`: the ledger key's public half, for
/// auditors.
/// </summary>
internal static class LedgerCommand
{
    public static Command Create(TextWriter output)
    {
        var ledger = new Command("ledger", "The live service's ledgers: verify them offline, print the public key that signs their checkpoints");
        ledger.Subcommands.Add(Verify(output));
        ledger.Subcommands.Add(PublicKey(output));
        return ledger;
    }

    private static Command Verify(TextWriter output)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file the service ran (its courts, teams and policies re-make the draws)" };
        var data = new Option<string?>("--data") { Description = "The service's data directory (its SQLite ledger; default witness and key beside it)" };
        var postgres = new Option<string?>("--postgres") { Description = "Read the ledgers from this PostgreSQL store instead" };
        var witness = new Option<string?>("--witness") { Description = "The witness directory (default DATA/witness)" };
        var publicKey = new Option<string?>("--public-key") { Description = "The ledger key's public (or private) PEM file (default DATA/ledger-key.pem)" };
        var courtOption = new Option<string?>("--court") { Description = "Verify this court only" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("verify", "Verify stored ledgers offline against the witness's signed checkpoints")
        {
            scenario, data, postgres, witness, publicKey, courtOption, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (_, loaded) = ScenarioInput.Read(parse.GetValue(scenario)!);
            var organization = new Organization(loaded, parse.GetValue(scenario)!);
            var dataDir = parse.GetValue(data);
            var connection = parse.GetValue(postgres);
            if (dataDir is null && connection is null)
            {
                throw new BadInputException("name the stored ledgers: --data DIR (SQLite) or --postgres CONNECTION");
            }
            if (dataDir is not null && connection is not null)
            {
                throw new BadInputException("--data and --postgres name two stores of ledgers: give one (with --postgres, --witness and --public-key name the witness and the key)");
            }
            var home = dataDir ?? "data";
            var witnessDir = parse.GetValue(witness);
            if (witnessDir is not null && !Directory.Exists(witnessDir))
            {
                throw new BadInputException($"--witness: no such directory '{witnessDir}'");
            }
            witnessDir ??= Directory.Exists(Path.Combine(home, "witness")) ? Path.Combine(home, "witness") : null;
            var keyFile = parse.GetValue(publicKey) ?? Path.Combine(home, "ledger-key.pem");
            ECDsa? key = null;
            if (witnessDir is not null)
            {
                if (!File.Exists(keyFile))
                {
                    throw new BadInputException($"--public-key: no such key file '{keyFile}'");
                }
                try
                {
                    key = LedgerKey.FromPem(await File.ReadAllTextAsync(keyFile, cancellationToken), keyFile);
                }
                catch (ArgumentException e)
                {
                    throw new BadInputException($"--public-key: {e.Message}");
                }
            }
            OfflineLedger stored;
            try
            {
                stored = connection is not null ? OfflineLedger.Postgres(connection) : OfflineLedger.Sqlite(dataDir!);
            }
            catch (ArgumentException e)
            {
                throw new BadInputException(e.Message);
            }
            await using (stored)
            {
                var courts = await stored.CourtsAsync();
                if (courts.Count == 0)
                {
                    // A store whose service never opened a court's ledger: most likely not the one meant.
                    throw new BadInputException($"{(connection is not null ? "--postgres" : $"--data {dataDir}")}: the store holds no court's ledger, so nothing was verified");
                }
                if (parse.GetValue(courtOption) is { } only)
                {
                    if (!courts.Contains(only))
                    {
                        throw new BadInputException($"--court: the stored ledgers hold no court '{only}' (they hold: {string.Join(", ", courts)})");
                    }
                    courts = [only];
                }
                if (courts.FirstOrDefault(c => organization.Court(c) is null) is { } unknown)
                {
                    throw new BadInputException($"court '{unknown}' has a ledger but is not in the scenario {parse.GetValue(scenario)}");
                }
                var results = new List<LedgerVerification>();
                foreach (var court in courts)
                {
                    try
                    {
                        results.Add(await stored.VerifyAsync(organization.Court(court)!, witnessDir, key));
                    }
                    catch (ArgumentException e)
                    {
                        throw new BadInputException($"--public-key: {e.Message} ({keyFile})");
                    }
                }
                Print(output, results, witnessDir, parse.GetValue(json));
                return results.All(r => r.Valid) ? ExitCodes.Success : ExitCodes.Mismatch;
            }
        });
        return command;
    }

    private static void Print(TextWriter output, List<LedgerVerification> results, string? witnessDir, bool json)
    {
        if (json)
        {
            var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
            output.WriteLine(JsonSerializer.Serialize(new { valid = results.All(r => r.Valid), witness = witnessDir, courts = results }, options));
            return;
        }
        if (witnessDir is null)
        {
            output.WriteLine("no witness directory: the chain is verified without signed checkpoints (a rewritten, re-hashed chain or a cut tail cannot be told)");
        }
        foreach (var r in results)
        {
            output.WriteLine(r.Valid
                ? $"court {r.Court}: valid — {r.Entries:N0} entries, {r.DrawsChecked:N0} draws re-made, {r.CheckpointsMatched:N0} signed checkpoints matched"
                : $"court {r.Court}: INVALID at entry {r.FirstInvalidSeq}: {r.Problem}");
        }
    }

    private static Command PublicKey(TextWriter output)
    {
        var data = new Option<string?>("--data") { Description = "The service's data directory (its key is DATA/ledger-key.pem)" };
        var keyOption = new Option<string?>("--key") { Description = "The ledger key file (default DATA/ledger-key.pem, DATA ./data)" };
        var command = new Command("public-key", "Print the public half of the key that signs the ledgers' checkpoints (PEM), for auditors") { data, keyOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(keyOption) ?? Path.Combine(parse.GetValue(data) ?? "data", "ledger-key.pem");
            if (!File.Exists(file))
            {
                throw new BadInputException($"--key: no such key file '{file}' (the service creates it on its first start)");
            }
            try
            {
                using var key = LedgerKey.FromPem(await File.ReadAllTextAsync(file, cancellationToken), file);
                await output.WriteAsync(LedgerKey.PublicPem(key) + "\n");
                await output.WriteLineAsync($"key id {LedgerKey.IdOf(key)}");
            }
            catch (ArgumentException e)
            {
                throw new BadInputException($"--key: {e.Message}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
