namespace Docket.Domain.Assignment;

/// <summary>What a policy with its own index (weights, heaps, decks) needs to hear from the board.</summary>
internal interface IBoardListener
{
    void AvailabilityChanged(int type, int team, bool available);

    void LoadChanged(int team, int category);
}
