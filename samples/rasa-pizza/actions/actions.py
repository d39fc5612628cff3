"""Custom actions of the Pizza Palace assistant."""

import random
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

MENU = {"margherita", "pepperoni", "quattro formaggi", "veggie", "diavola", "capricciosa"}
STATUSES = ["being baked", "out for delivery", "delivered"]


class ActionPlaceOrder(Action):
    def name(self) -> Text:
        return "action_place_order"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if not tracker.get_slot("order_confirmed"):
            return []
        number = f"PP-{random.randint(1000, 9999)}"
        # A real shop sends the order to the kitchen system here.
        return [SlotSet("order_number", number)]


class ActionCheckOrderStatus(Action):
    def name(self) -> Text:
        return "action_check_order_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        number = tracker.get_slot("order_number") or "your last order"
        status = STATUSES[sum(map(ord, number)) % len(STATUSES)]
        return [SlotSet("order_number", number), SlotSet("order_status", status)]


class ValidatePizzaOrderForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_pizza_order_form"

    def validate_pizza_type(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        value = (slot_value or "").lower()
        if value in MENU:
            return {"pizza_type": value}
        dispatcher.utter_message(text=f"Sorry, we don't bake {slot_value}. Ask me for the menu.")
        return {"pizza_type": None}
