from _gen import *  # <AUTO GENERATED>


@func_description("Starts booking an appointment.")
def start_booking(conv: Conversation):
    conv.goto_flow("Book Appointment")
