class Conversation:
    """Generated stub."""
