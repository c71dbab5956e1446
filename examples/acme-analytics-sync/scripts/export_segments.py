"""Export Adobe Analytics segments to CSV (run nightly by the sync workflow)."""
import csv
import os
import sys
import time

import jwt
import requests

IMS_HOST = os.environ.get("ADOBE_IMS_HOST", "https://ims-na1.adobelogin.com")
ANALYTICS = "https://analytics.adobe.io/api"


def get_token():
    with open(os.environ.get("ADOBE_PRIVATE_KEY_PATH", "keys/private.key")) as f:
        private_key = f.read()
    claims = {
        "exp": int(time.time()) + 300,
        "iss": os.environ["ADOBE_ORG_ID"],
        "sub": os.environ["ADOBE_TECHNICAL_ACCOUNT_ID"],
        "aud": IMS_HOST + "/c/" + os.environ["ADOBE_CLIENT_ID"],
        IMS_HOST + "/s/ent_analytics_bulk_ingest_sdk": True,
    }
    signed = jwt.encode(claims, private_key, algorithm="RS256")
    res = requests.post(
        IMS_HOST + "/ims/exchange/jwt",
        data={
            "client_id": os.environ["ADOBE_CLIENT_ID"],
            "client_secret": os.environ["ADOBE_CLIENT_SECRET"],
            "jwt_token": signed,
        },
        timeout=30,
    )
    res.raise_for_status()
    body = res.json()
    # expires_in is in milliseconds
    return body["access_token"], time.time() + body["expires_in"] / 1000


def main(company_id, out_path):
    token, _ = get_token()
    res = requests.get(
        f"{ANALYTICS}/{company_id}/segments",
        headers={"Authorization": f"Bearer {token}", "x-api-key": os.environ["ADOBE_CLIENT_ID"]},
        timeout=60,
    )
    res.raise_for_status()
    with open(out_path, "w", newline="") as f:
        writer = csv.writer(f)
        for seg in res.json().get("content", []):
            writer.writerow([seg["id"], seg["name"]])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
